declare module 'virtual:english-words/first-screen' {
  const words: Record<string, unknown>;
  export default words;
}

declare module 'virtual:english-words/rest' {
  const words: Record<string, unknown>;
  export default words;
}
