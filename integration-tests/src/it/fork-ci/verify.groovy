// In CI the goal writes its class-data archive into the default folder only when an earlier build left that folder:
// the first build on a fresh machine writes none (the 0.25 s of writing would be read by nobody), the second does.
def log = new File(basedir, 'build.log').getText('UTF-8')
def skipped = log.readLines().findAll { it.contains('samokoder: no class-data archive in') }
assert skipped.size() == 1 : "only the first build runs without writing an archive: ${skipped}"
assert skipped[0].contains('xdg/samokoder')
assert !log.contains('SLF4J')
assert !log.contains('[ERROR]') && !log.contains('[WARNING] samokoder:')

def folder = new File(basedir, 'xdg/samokoder')
def archives = folder.list().findAll { it ==~ /check-[0-9a-f]+\.jsa/ }
assert archives.size() == 1 : "the second build wrote the archive: ${folder.list()}"
assert !folder.list().any { it.endsWith('.tmp') }

def first = new File(basedir, 'target/first.json').bytes
assert first.length > 1000
assert first == new File(basedir, 'target/second.json').bytes
assert first == new File(basedir, 'target/third.json').bytes
true
