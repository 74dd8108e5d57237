def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('samokoder gate failed')
assert log.contains('readiness score') && log.contains('minimum 80') : 'the failure states the score and the threshold'
assert log.contains('docker-compose.yml:2: [config/invalid-yaml]')
assert log.contains('monitoring/prometheus/prometheus.yml:7: [config/invalid-yaml]')
assert !log.contains('at io.samokoder') : 'no stack trace of ours'
def sarif = new File(basedir, 'target/samokoder/samokoder.sarif')
assert sarif.isFile() : 'SARIF is written even when the gate fails'
assert sarif.getText('UTF-8').contains('"readinessScore"')
return true
