def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('samokoder readiness score: 100/100')
assert log.contains('samokoder gate passed')
def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/samokoder/samokoder.json'))
assert json.readinessScore == 100
assert json.findings.isEmpty()
return true
