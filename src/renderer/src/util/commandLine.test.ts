import { describe, expect, it } from 'vitest'
import { CommandLineError, joinArgs, pythonCommand, splitArgs } from './commandLine'

describe('splitArgs / joinArgs', () => {
  it('splits as a shell would, without expanding anything', () => {
    expect(splitArgs(`  a "b c" 'd "e"' f\\ g "h\\"i" '' $HOME *.py`)).toEqual([
      'a',
      'b c',
      'd "e"',
      'f g',
      'h"i',
      '',
      '$HOME',
      '*.py'
    ])
    expect(splitArgs('')).toEqual([])
  })

  it('an unclosed quote or a trailing backslash is an error naming it', () => {
    expect(() => splitArgs('a "b')).toThrow(new CommandLineError('a " is never closed'))
    expect(() => splitArgs("a 'b")).toThrow("a ' is never closed")
    expect(() => splitArgs('a \\')).toThrow('a \\ ends the arguments')
  })

  it('joinArgs reads back the same through splitArgs', () => {
    const argv = ['--n', '3', 'two words', "it's", '', 'a"b', '/x/y.py', '$HOME']
    expect(splitArgs(joinArgs(argv))).toEqual(argv)
    expect(joinArgs(['--n', '3', '/x/y.py'])).toBe('--n 3 /x/y.py')
  })
})

describe('pythonCommand', () => {
  it('a script with interpreter options: the options left out, named', () => {
    expect(
      pythonCommand(
        ['python3', '-u', '-X', 'dev', 'train.py', '--epochs', '2'],
        '/usr/bin/python3.11'
      )
    ).toEqual({
      python: '/usr/bin/python3.11',
      program: { kind: 'script', path: 'train.py' },
      args: ['--epochs', '2'],
      dropped: ['-u', '-X', 'dev']
    })
  })

  it('a module, also as -um; -- before the script', () => {
    expect(pythonCommand(['/usr/bin/python3', '-m', 'pkg.tool', 'x'])).toMatchObject({
      python: '/usr/bin/python3',
      program: { kind: 'module', name: 'pkg.tool' },
      args: ['x'],
      dropped: []
    })
    expect(pythonCommand(['python3.12', '-um', 'http.server'])).toMatchObject({
      program: { kind: 'module', name: 'http.server' },
      dropped: ['-u']
    })
    expect(pythonCommand(['python', '--', 'a.py'])).toMatchObject({
      program: { kind: 'script', path: 'a.py' }
    })
  })

  it('not a program PoolScope can start again: -c, the REPL, stdin, not Python', () => {
    expect(pythonCommand(['python3', '-c', 'print(1)'])).toBeNull()
    expect(pythonCommand(['python3'])).toBeNull()
    expect(pythonCommand(['python3', '-'])).toBeNull()
    expect(pythonCommand(['node', 'x.js'], '/usr/bin/node')).toBeNull()
    expect(pythonCommand(['pythonista', 'x.py'])).toBeNull()
  })
})
