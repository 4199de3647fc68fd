/**
 * Cookie a browser gets once it has run the app's JavaScript (components/ui/script-cookie.tsx). A streamed
 * page needs scripts to move each streamed section into its place; a browser without them would keep the
 * skeletons, so list pages stream only to browsers that have shown they run scripts (lib/site/streaming.ts).
 */
export const SCRIPT_COOKIE = "js";
