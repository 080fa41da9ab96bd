// What "Delete my data everywhere" removed on the server, as the phone lists it to the person afterwards.
export type DeletedEverywhere = {
  /** Synced records and their tombstones (check-ins, appointments, safety plan, saved places…). */
  records: number;
  /** Phones that were backed up under them, this one included: all signed out. */
  devices: number;
  paConnection: boolean;
  /** The PA's copies of what they shared. */
  shares: number;
  recoveryCode: boolean;
  monitoring: boolean;
  /** Push subscriptions and reminders waiting to be sent. */
  reminders: number;
};
