// Tailwind CSS 4 runs as a PostCSS plugin inside the Next.js build.
export default { plugins: { '@tailwindcss/postcss': {} } };
