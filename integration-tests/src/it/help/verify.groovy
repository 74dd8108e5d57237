def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('samokoder:check')
assert log.contains('samokoder:baseline')
['minScore', 'failOnSeverity', 'failOnViolation', 'sarif', 'json', 'baseline', 'excludes', 'weights', 'skip', 'dir'].each {
    assert log.contains(it) : "help lists parameter $it"
}
assert log.contains('User property: samokoder.minScore')
return true
