// The HEIC decoder's door for the page's workers (src/worker/jobs.rs), loaded with
// importScripts only when a HEIC photo arrives: libheif-js (libheif and libde265 in wasm,
// LGPL-3.0: libheif.js, libheif.wasm and libheif-LICENSE.txt beside this file, copied from npm
// by scripts/heif.mjs) reads the file here, in the worker, and nothing leaves the device.
'use strict';

let ready = null;

// The module, instantiated once per worker (its wasm fetched once, then kept by the offline
// cache).
function heif() {
  if (!ready) {
    ready = new Promise((resolve, reject) => {
      importScripts('libheif.js');
      self.libheif({
        locateFile: (path) => new URL(path, self.location.href).href,
        // Called on the module itself, maybe before libheif() returns it.
        onRuntimeInitialized() {
          resolve(this);
        },
        onAbort: (why) => reject(new Error(`libheif: ${why}`)),
        print: () => {},
        printErr: () => {},
      });
    });
    ready.catch(() => { ready = null; });
  }
  return ready;
}

// The top-level images of the file, and a way to free them; none when libheif cannot read it.
function images(module, bytes) {
  const decoder = new module.HeifDecoder();
  const quiet = console.log;
  // libheif-js logs why it cannot read a file; the worker answers with its own words.
  console.log = () => {};
  let found;
  try {
    found = decoder.decode(bytes);
  } finally {
    console.log = quiet;
  }
  const free = () => {
    for (const image of found) image.free();
    if (decoder.decoder) module.heif_context_free(decoder.decoder);
    decoder.decoder = null;
  };
  return { found, free };
}

self.secuPrecheckHeif = {
  // How many images libheif finds in the file (0: not one it can convert). Reads the boxes
  // only: the pixels are decoded by `decode`.
  async count(bytes) {
    const module = await heif();
    const { found, free } = images(module, bytes);
    const n = found.length;
    free();
    return n;
  },

  // The primary image as RGBA pixels, upright (libheif applies the file's rotation and
  // mirroring).
  async decode(bytes) {
    const module = await heif();
    const { found, free } = images(module, bytes);
    try {
      const image = found.find((i) => i.is_primary()) ?? found[0];
      if (!image) throw new Error('no image');
      const data = new ImageData(image.get_width(), image.get_height());
      await new Promise((resolve, reject) => {
        image.display(data, (shown) => (shown ? resolve() : reject(new Error('not decoded'))));
      });
      return data;
    } finally {
      free();
    }
  },
};
