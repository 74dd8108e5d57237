def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('samokoder: skipped')
assert !log.contains('samokoder gate failed')
assert !new File(basedir, 'target/samokoder/samokoder.sarif').exists()
return true
