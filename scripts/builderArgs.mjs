// electron-builder's command line and environment for `npm run dist` (kept apart from the
// script so that a unit test can check them on every platform and environment).

/**
 * `binaryDir`: the unpacked Electron to package. Returns the arguments, the environment, and a
 * note to print when the deb is left out.
 */
export function builderArgs(binaryDir, env, platform) {
  const out = { ...env }
  const args = ['--publish', 'never', `-c.electronDist=${binaryDir}`]
  let note = null
  // macOS: sign only with the certificate given in CSC_LINK / CSC_NAME, never one found by chance
  // in the keychain (electron-builder notarizes when APPLE_* credentials are set).
  if (!env.CSC_LINK && !env.CSC_NAME) out.CSC_IDENTITY_AUTO_DISCOVERY = 'false'
  // The deb needs a homepage and a maintainer; on GitHub Actions they come from the repository.
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_REPOSITORY_OWNER: owner } = env
  const homepage = env.POOLSCOPE_HOMEPAGE || (server && repo ? `${server}/${repo}` : '')
  const maintainer =
    env.POOLSCOPE_MAINTAINER || (owner ? `${owner} <${owner}@users.noreply.github.com>` : '')
  if (homepage && maintainer) {
    args.push(`-c.extraMetadata.homepage=${homepage}`, `-c.linux.maintainer=${maintainer}`)
  } else if (platform === 'linux') {
    note = 'dist: AppImage only; set POOLSCOPE_HOMEPAGE and POOLSCOPE_MAINTAINER for the deb too'
    args.push('-c.linux.target=AppImage')
  }
  return { args, env: out, note }
}
