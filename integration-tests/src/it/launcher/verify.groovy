// scripts/samokoder and scripts/samokoder-pre-commit, as a user and pre-commit run them
def root = new File(fixtures).canonicalFile.parentFile
def jar = new File(root, 'samokoder-cli/target/samokoder-cli.jar')
def repo = new File(basedir, 'target/repo')
def seed = new File(fixtures, 'samokoder-seed')
seed.eachFileRecurse { f ->
    if (f.isFile() && f.name != 'expected.json') {
        def out = new File(repo, seed.toPath().relativize(f.toPath()).toString())
        out.parentFile.mkdirs()
        out.bytes = f.bytes
    }
}

def run = { List<String> cmd, File dir, Map<String, String> env = [:] ->
    def pb = new ProcessBuilder(cmd).directory(dir).redirectErrorStream(true)
    pb.environment().remove('SAMOKODER_JAVA_OPTS')
    pb.environment().remove('JAVA_TOOL_OPTIONS')
    pb.environment().putAll(env)
    if (jar.isFile()) {
        pb.environment().put('SAMOKODER_CLI_JAR', jar.path)
    }
    def p = pb.start()
    def out = p.inputStream.getText('UTF-8')
    p.waitFor()
    [p.exitValue(), out]
}
def launcher = new File(root, 'scripts/samokoder').path

// a JVM that cannot write the archive (here -Xshare:off; a Java agent does the same) still audits, without archiving
def archive = new File(jar.path + '.jsa')
archive.delete()
def (rc, out) = run([launcher, repo.path, '--fail-on-violation=false'], basedir, [JAVA_TOOL_OPTIONS: '-Xshare:off'])
assert rc == 0 && out.contains('samokoder readiness score') : out
assert !out.contains('DynamicDumpSharedSpaces') : out
assert !archive.exists()

(rc, out) = run([launcher, repo.path, '--fail-on-violation=false'], basedir)
assert rc == 0 : out
assert out.contains('samokoder readiness score') && out.contains('[readiness/claim-exceeds-score]') : out
assert archive.isFile() : 'the first run archives the classes for the next'
(rc, out) = run([launcher, repo.path, '-q', '--fail-on-violation=false'], basedir)
assert rc == 0 && out.startsWith('samokoder readiness score') : 'the archived classes load silently: ' + out
(rc, out) = run([launcher, repo.path, '-q'], basedir)
assert rc == 1 : 'the exit code of the CLI comes through: the sample fails its gate'

def hook = new File(root, 'scripts/samokoder-pre-commit').path
(rc, out) = run([hook, '--fail-on-severity=critical', 'monitoring/prometheus.yml'], repo)
assert out.contains('pre-commit mode, 1 changed file') : out
(rc, out) = run([hook], repo)
assert rc == 0 && out.isEmpty() : 'no file, nothing to do'
return true
