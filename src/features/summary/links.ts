// Addresses that open a meeting with the facilitator's key (in the fragment: never sent to the server).
const withKey = (path: string, key: string) => `${path}#${new URLSearchParams({ key }).toString()}`;

export const consoleUrl = (meetingId: string, key: string) => withKey(`/m/${meetingId}/f`, key);
export const summaryUrl = (meetingId: string, key: string) => withKey(`/m/${meetingId}/summary`, key);
