import { AppProvider } from './provider.js';
import { Workbench } from './Workbench.js';

export function App() {
  return (
    <AppProvider>
      <Workbench />
    </AppProvider>
  );
}
