def baseline = new groovy.json.JsonSlurper().parse(new File(basedir, 'baseline.json'))
assert baseline.findings.size() == 1
assert baseline.findings[0].path == 'docker-compose.yml'
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('1 new finding at or above high')
assert log.contains('monitoring/prometheus.yml:4: [config/invalid-yaml]')
assert log.contains('docker-compose.yml:5: [config/invalid-yaml] high: YAML duplicate key \'restart\' (first at line 4) (baselined)')
return true
