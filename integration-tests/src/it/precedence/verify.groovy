def log = new File(basedir, 'build.log').getText('UTF-8')
def warnings = log.readLines().findAll { it.startsWith('[WARNING] samokoder: ') && it.contains(' is ignored: ') }
assert warnings == [
        '[WARNING] samokoder: failOnSeverity low from -Dsamokoder.failOnSeverity is ignored: <failOnSeverity> in the POM sets critical',
        '[WARNING] samokoder: minScore 55 from .samokoder.yml:1 is ignored: -Dsamokoder.minScore sets 58',
        '[WARNING] samokoder: disabledRules [docs/broken-link] from .samokoder.yml:2 is ignored: -Dsamokoder.disabledRules sets [config/invalid-yaml]',
] : warnings.join('\n')
assert log.contains('minimum 58') : 'minScore from -D, over .samokoder.yml'
assert log.contains('at or above critical') : 'failOnSeverity from the POM, over -D'
assert log.contains('README.md:3: [docs/broken-link]') : 'disabledRules from -D replaces the file\'s'
assert !log.contains(': [config/invalid-yaml]')
return true
