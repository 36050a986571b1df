// Vite turns `import x from 'file?url'` into the asset's URL (used for the pdf.js worker).
declare module '*?url' {
  const url: string;
  export default url;
}
