declare module 'virtual:ecs-fields' {
  /** [name, type, short description, example, allowed values], sorted by name. */
  const rows: readonly (readonly [string, string, string, string?, (readonly string[])?])[];
  export default rows;
}
