// electron-builder.yml against electron-builder's own JSON schema (app-builder-lib/scheme.json),
// and the icon files it names: nothing can be packaged on a machine without the Electron binary,
// but a typo or a missing icon fails here.
import { readFileSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = join(__dirname, '..')
const require = createRequire(__filename)
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'))
// strict: false: the schema carries keywords of its own generator that ajv does not know.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
type Config = Record<string, unknown> & {
  mac: { icon: string }
  win: { icon: string }
  linux: { icon: string }
  nsis: Record<string, unknown>
}
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config

function errors(c: unknown): string[] {
  return validate(c)
    ? []
    : (validate.errors ?? []).map(
        (e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`
      )
}

describe('electron-builder.yml', () => {
  it("matches electron-builder's schema", () => {
    expect(errors(config)).toEqual([])
  })

  it('fails the schema with a misspelt option, a misplaced one or a wrong type', () => {
    expect(errors({ ...config, prodcutName: 'PoolScope' }).join()).toMatch(/prodcutName/)
    expect(errors({ ...config, nsis: { ...config.nsis, oneclick: false } }).join()).toMatch(
      /oneclick/
    )
    expect(errors({ ...config, nsis: { ...config.nsis, oneClick: 'no' } }).join()).toMatch(
      /oneClick/
    )
    expect(errors({ ...config, asar: 'yes' })).not.toEqual([])
  })

  it('names real icons: ICNS up to 1024 px, ICO up to 256 px, a Linux set up to 512 px', () => {
    const icns = readFileSync(join(root, config.mac.icon))
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    expect(icns.includes('ic10'), '1024 px (512@2x) entry').toBe(true)

    const ico = readFileSync(join(root, config.win.icon))
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0])
    const widths = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256)
    expect(widths).toContain(256)
    expect(widths).toContain(16)

    const dir = join(root, config.linux.icon)
    const sizes = readdirSync(dir)
      .filter((f) => /^\d+x\d+\.png$/.test(f))
      .map((f) => {
        const png = readFileSync(join(dir, f))
        const side = png.readUInt32BE(16) // IHDR width
        expect(f, 'file name matches its size').toBe(`${side}x${png.readUInt32BE(20)}.png`)
        return side
      })
    expect(sizes).toEqual(expect.arrayContaining([16, 32, 48, 64, 128, 256, 512]))
  })
})
