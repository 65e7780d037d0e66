import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PortalI18nProvider } from './i18n';
import { PortalApp } from './PortalApp';
import './portal.css';
import './portal-forms.css';
import './portal-track.css';
import './portal-publicity.css';

/** The public portal: a separate light entry point (plain React and its own CSS, no sign-in). */
const container = document.getElementById('portal');
if (!container) throw new Error('no #portal element');
createRoot(container).render(
  <StrictMode>
    <PortalI18nProvider>
      <PortalApp />
    </PortalI18nProvider>
  </StrictMode>,
);
