def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('samokoder:check')
assert log.contains('samokoder:baseline')
['minScore', 'failOnSeverity', 'failOnViolation', 'sarif', 'json', 'baseline', 'excludes', 'weights', 'skip', 'dir'].each {
    assert log.contains(it) : "help lists parameter $it"
}
assert log.contains('User property: samokoder.minScore')

// user text only: no javadoc markup, no notes for developers, no parameter a goal ignores
['{@link', '{@code', '<p>', 'realm', 'maven-reporting-impl', 'daemon', 'fork'].each {
    assert !log.contains(it) : "help shows '$it'"
}
def section = { String goal ->
    int from = log.indexOf('samokoder:' + goal + '\n')
    assert from >= 0 : goal
    int to = log.indexOf('\nsamokoder:', from + 1)
    int end = log.indexOf('[INFO] ---', from + 1)
    log.substring(from, [to, end, log.length()].findAll { it > 0 }.min())
}
def parameters = { String goal -> (section(goal) =~ /(?m)^\s{4}(\w+)(?: \(Default: [^)]*\))?\s*$/).collect { it[1] } as Set }
assert parameters('check').containsAll(['minScore', 'failOnSeverity', 'failOnViolation', 'sarif', 'json', 'junit', 'report', 'skip'])
assert parameters('baseline').intersect(['minScore', 'failOnSeverity', 'failOnViolation', 'sarif', 'json', 'locale', 'skip']).isEmpty() : parameters('baseline')
assert parameters('report').intersect(['failOnViolation', 'sarif', 'json', 'junit', 'skip']).isEmpty() : parameters('report')
assert parameters('report').containsAll(['minScore', 'failOnSeverity', 'locale'])
return true
