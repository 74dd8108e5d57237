def slurper = new groovy.json.JsonSlurper()
def baseline = slurper.parse(new File(basedir, 'baseline.json'))
def after = slurper.parse(new File(basedir, 'after.json'))
def fresh = after.findings.findAll { it.status == 'new' }
assert fresh.size() == 1 : "exactly one new finding, got ${fresh.collect { it.path + ':' + it.line + ' ' + it.ruleId }}"
assert fresh[0].path == 'docker-compose.yml' && fresh[0].line == 6 && fresh[0].ruleId == 'config/invalid-yaml'
assert after.findings.count { it.status == 'baselined' } == baseline.findings.size() : 'every accepted finding is still found, by fingerprint'
assert after.fixedSinceBaseline.isEmpty()
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('1 new finding at or above high')
assert log.contains('docker-compose.yml:6: [config/invalid-yaml] high: YAML duplicate key \'build\'')
def junit = new groovy.xml.XmlSlurper().parse(new File(basedir, 'junit.xml'))
assert junit.testsuite.@failures.text() == '1'
def report = new File(basedir, 'report.md').getText('UTF-8')
def newSection = report.substring(report.indexOf('## New since baseline'), report.indexOf('## Fixed since baseline'))
assert newSection.contains('`docker-compose.yml:6`')
assert newSection.count('\n- ') == 1
return true
