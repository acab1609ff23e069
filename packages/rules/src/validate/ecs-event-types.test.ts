import { describe, expect, it } from 'vitest';
import { ecsExpectedEventTypes } from './ecs.js';
import { ECS_EXPECTED_EVENT_TYPES } from './ecs-event-types.js';
import { renderEventTypesModule } from './ecs-event-types-render.js';

describe('ECS_EXPECTED_EVENT_TYPES', () => {
  it('is what @elastic/ecs says (rerun ecs:build when this fails)', () => {
    expect(ECS_EXPECTED_EVENT_TYPES).toEqual(ecsExpectedEventTypes());
    expect(ECS_EXPECTED_EVENT_TYPES.process).toEqual(['access', 'change', 'end', 'info', 'start']);
    expect(ECS_EXPECTED_EVENT_TYPES.library).toEqual(['start']);
  });

  it('renders as a module', () => {
    expect(renderEventTypesModule({ library: ['start'] })).toContain("  library: ['start'],\n};\n");
  });
});
