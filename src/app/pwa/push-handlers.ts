/// <reference lib="webworker" />
// Push and notificationclick handlers for reminders live here (appointments engineer); sw.ts imports this file.
// Keep it free of personal data: a push carries a content-free text unless the person opted into details.
export {};
