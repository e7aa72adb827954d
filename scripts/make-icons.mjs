// Regenerates the installers' icons from resources/icon.svg (run by hand after changing it; the
// outputs are committed, so neither CI nor `npm run dist` needs ImageMagick):
//   resources/icons/NxN.png        16…1024 px, the Linux icon set (AppImage, deb)
//   resources/icons/icon.icns      macOS (png2icons: every size up to 512@2x)
//   resources/icons/icon.ico       Windows (png2icons: 16…256, small sizes as bitmaps for the exe)
// Needs ImageMagick's `convert` (Debian: apt-get install imagemagick) to render the SVG.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import png2icons from 'png2icons'

const resources = join(import.meta.dirname, '..', 'resources')
const out = join(resources, 'icons')

function render(size, file) {
  const r = spawnSync(
    'convert',
    [
      '-background',
      'none',
      '-density',
      String((96 * size) / 256),
      join(resources, 'icon.svg'),
      '-resize',
      `${size}x${size}`,
      `PNG32:${file}`
    ],
    { stdio: ['ignore', 'inherit', 'inherit'] }
  )
  if (r.status !== 0) {
    console.error(
      'make-icons: ImageMagick `convert` failed or is missing (apt-get install imagemagick)'
    )
    process.exit(1)
  }
}

for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
  render(size, join(out, `${size}x${size}.png`))
const master = readFileSync(join(out, '1024x1024.png'))
writeFileSync(join(out, 'icon.icns'), png2icons.createICNS(master, png2icons.BICUBIC, 0))
writeFileSync(join(out, 'icon.ico'), png2icons.createICO(master, png2icons.BICUBIC, 0, false, true))
console.log(`make-icons: wrote ${out}`)
