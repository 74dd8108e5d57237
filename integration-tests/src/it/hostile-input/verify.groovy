def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS') : 'hostile input never fails the build by itself (failOnViolation=false)'
assert log.contains('samokoder readiness score')
assert !log.contains('\tat ') && !log.contains('Exception') : 'no stack trace'
assert !log.contains('config/check-failed') : 'no check crashed'
assert !log.contains('do-not-read')
assert log.contains('docker-compose.yml:3: [config/invalid-yaml]') || log.contains('docker-compose.yml:4: [config/invalid-yaml]')
assert log =~ /monitoring\/prometheus\.yml:\d+: \[config\/invalid-yaml\][^\n]*alias/
assert log =~ /docker-compose\.nested\.yml:\d+: \[config\/invalid-yaml\][^\n]*loader limits/
assert log =~ /monitoring\/alertmanager\.yml:\d+: \[config\/invalid-yaml\] high: not YAML/
assert log =~ /monitoring\/huge\.rules\.yml(:0)?: \[config\/skipped-file\][^\n]*larger than/
assert log =~ /etc(:0)?: \[config\/skipped-file\][^\n]*outside/
assert log =~ /outside\.yml(:0)?: \[config\/skipped-file\][^\n]*outside/
assert log =~ /loop\.yml(:0)?: \[config\/skipped-file\][^\n]*loop/
assert log =~ /pipe\.yml(:0)?: \[config\/skipped-file\][^\n]*not a regular file/
assert !(log =~ /compose\.yaml:\d+: \[config\/invalid-yaml\]/) : 'BOM and CRLF are valid YAML'
assert !(log =~ /docker-compose\.latin1\.yml:\d+: \[config\/invalid-yaml\]/) : 'invalid UTF-8 is decoded with replacement'
assert log =~ /docs\/deep\.md:1: \[docs\/broken-link\] info: links of this file not checked[^\n]*list levels deep/
return true
