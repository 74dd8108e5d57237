import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

// Builds reuse one long-lived audit JVM: the second build starts it, the third finds it warm, both write the bytes a
// forked audit writes; it keeps its socket where only its user can reach it, and exits once idle.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('samokoder readiness score: 29/100')
assert !log.contains('Exception')
assert !log.contains('[ERROR]')

def first = new File(basedir, 'target/first.json').bytes
assert first.length > 1000
for (name in ['second', 'third', 'forked']) {
    assert new File(basedir, "target/${name}.json").bytes == first : name
}

def cache = new File(System.getProperty('java.io.tmpdir'), 'samokoder-it-daemon')
def folder = new File(cache, 'daemon')
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.toPath())) == 'rwx------'
def logs = folder.listFiles().findAll { it.name.endsWith('.log') }
assert logs.size() == 1 : folder.list()
def daemonLog = logs[0].getText('UTF-8')
assert (daemonLog =~ /serving /).count == 1 : daemonLog
assert (daemonLog =~ /audited \S+samokoder-seed in \d+ ms \(exit 0\)/).count == 2 : daemonLog
def pid = (daemonLog =~ /\(pid (\d+)\)/)[0][1] as long

// idle for its timeout (10 s): it leaves, and takes its socket with it
def deadline = System.currentTimeMillis() + 60_000
while (ProcessHandle.of(pid).map { it.isAlive() }.orElse(false) && System.currentTimeMillis() < deadline) {
    Thread.sleep(200)
}
assert !ProcessHandle.of(pid).map { it.isAlive() }.orElse(false) : "the daemon ${pid} is still running"
assert logs[0].getText('UTF-8').contains('idle for 10 s')
assert !folder.listFiles().any { it.name.endsWith('.sock') } : folder.list()
cache.deleteDir()
return true
