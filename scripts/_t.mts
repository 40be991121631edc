const QUOTED = /\b(?:programa|programme|program|proyecto|projet|project)\s*(?:de\s+)?["“«]\s*([^"”»\n]{8,200}?)\s*["”»]/iu;
console.log(QUOTED.exec('El programa “Prevención del Delito y de la Violencia” llevado'));
