assert !new File(basedir, 'pom.xml').exists()
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('monitoring/prometheus.yml:6: [config/invalid-yaml]') : 'audits the folder it runs in'
assert log.contains('samokoder gate failed')
assert log.contains('BUILD SUCCESS') : 'failOnViolation=false reports without failing'
assert new File(basedir, 'target/out/samokoder.sarif').isFile()
assert new File(basedir, 'target/samokoder/samokoder.json').isFile()
assert !new File(basedir, '${project.basedir}').exists()
return true
