import { FragmentView } from '../features/review/components/FragmentView.js';
import { ReviewMessage, ReviewView } from '../features/review/components/ReviewView.js';
import { RuleSessionProvider } from '../features/rule-editor/session/rule-session.js';
import { readSeed } from '../features/share/workbench-seed.js';
import { loadWorkingState, startingSeed } from '../features/share/working-state.js';
import { useTheme } from '../lib/theme.js';
import { historyState, useRoute } from './navigation.js';
import { AppProvider } from './provider.js';
import { ThemeToggle } from './ThemeToggle.js';
import { Workbench } from './Workbench.js';

/** Pages other than the workbench (which has its own) get the theme toggle from here. */
function PageTheme() {
  const theme = useTheme();
  return <ThemeToggle choice={theme.choice} onChange={theme.setChoice} />;
}

function Page() {
  const { route, entry } = useRoute();
  switch (route.page) {
    case 'workbench': {
      // A fork starts a fresh workbench from its seed; else the work saved before a reload comes back.
      const seed = startingSeed(readSeed(historyState()), loadWorkingState());
      return <Workbench key={seed && !seed.restored ? `fork-${entry}` : 'workbench'} seed={seed} />;
    }
    case 'review':
      return <ReviewView key={route.id} id={route.id} version={route.version} themeToggle={<PageTheme />} />;
    case 'fragment':
      return <FragmentView key={route.payload} payload={route.payload} themeToggle={<PageTheme />} />;
    case 'not-found':
      return <ReviewMessage title="No such page">Nothing lives at {route.path}.</ReviewMessage>;
  }
}

export function App() {
  return (
    <AppProvider>
      <RuleSessionProvider>
        <Page />
      </RuleSessionProvider>
    </AppProvider>
  );
}
