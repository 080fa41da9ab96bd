/// <reference lib="webworker" />
// Placeholder service worker until the PWA work lands.
import { precacheAndRoute } from 'workbox-precaching';
declare const self: ServiceWorkerGlobalScope;
precacheAndRoute(self.__WB_MANIFEST);
