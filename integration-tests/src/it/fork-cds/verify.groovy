// check runs in a JVM of its own by default: the first build writes the class-data-sharing archive, later builds
// map it, and the reports are the bytes the build's own JVM writes (docs/benchmarks.md).
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('samokoder readiness score: 29/100')
assert !log.contains('SLF4J') : 'the audit JVM printed the logging notice'
assert !log.contains('Exception')
assert !log.contains('[ERROR]')

def first = new File(basedir, 'target/first.json').bytes
def second = new File(basedir, 'target/second.json').bytes
def inProcess = new File(basedir, 'target/in-process.json').bytes
assert first.length > 1000
assert first == second
assert first == inProcess
// the audit JVM that could not start with class data sharing ran without it, and its complaint stayed out of the log
assert new File(basedir, 'target/no-sharing.json').bytes == first
assert !log.contains('DynamicDumpSharedSpaces') && !log.contains('Error occurred during initialization of VM')

def cds = new File(basedir, 'cds')
def names = cds.list().toList().sort()
assert names.size() == 1 && names[0] ==~ /check-[0-9a-f]+\.jsa/ : names // no dump left behind

// the archive is one the JVM accepts for the installed plugin jar: with -Xshare:on it refuses to start otherwise
def jar = new File(localRepositoryPath,
        "io/samokoder/samokoder-maven-plugin/${projectVersion}/samokoder-maven-plugin-${projectVersion}.jar")
def java = new File(System.getProperty('java.home'), 'bin/java').path
def command = [java, '-XX:TieredStopAtLevel=1', '-XX:CICompilerCount=1', '-XX:+UseParallelGC', '-XX:NewRatio=5',
               "-XX:SharedArchiveFile=${new File(cds, names[0])}", '-Xshare:on', '-cp', jar.path,
               'io.samokoder.maven.ForkedCheck', "dir=${fixtures}/samokoder-seed", 'sarif=none', 'json=none',
               'report=none']
def process = command.execute()
def out = new StringBuilder(), err = new StringBuilder()
process.waitForProcessOutput(out, err)
assert process.exitValue() == 0 : err
assert out.toString().startsWith('I samokoder readiness score: 29/100')
assert err.toString().isEmpty() : err
return true
