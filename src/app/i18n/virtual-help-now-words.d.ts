declare module 'virtual:help-now-words' {
  const packed: import('./helpNowKeys.ts').PackedWords;
  export default packed;
}
