// Only type imports from 'electron', so the navigation rules are tested with a fake WebContents.
import type { Session, WebContents } from 'electron';
import { isSafeExternalUrl, isTrustedUrl } from './security';

/**
 * Applied to every webContents the app creates: the app never leaves app://bhxh, never opens
 * child windows and never hosts <webview>. https links go to the system browser instead.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  const guard = (details: { url: string; preventDefault(): void }) => {
    if (isTrustedUrl(details.url)) return;
    details.preventDefault();
    if (isSafeExternalUrl(details.url)) openExternal(details.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', (details) => {
    if (!isTrustedUrl(details.url)) details.preventDefault();
  });
  contents.on('will-redirect', (details) => {
    if (!isTrustedUrl(details.url)) details.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Denies every permission prompt and check (camera, notifications, geolocation, HID …). */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
