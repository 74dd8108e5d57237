import groovy.json.JsonSlurper

// the raw secrets each fixture lists in its expected.json
def fixtureRoot = new File(fixtures)
def secrets = ['samokoder-seed', 'secrets-seed'].collectMany { name ->
    new JsonSlurper().parse(new File(fixtureRoot, name + '/expected.json')).secrets
}
assert secrets.size() >= 10 : 'the fixtures list their secrets'

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[DEBUG]') : 'the debug log was written'
assert log.contains('[secrets/known-token]') && log.contains('[secrets/committed-env-file]') : 'secret findings are logged'
assert log.contains('::error file=') : 'GitHub annotations are printed'

def outputs = []
new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { outputs << it }
def names = outputs*.name
['samokoder-seed-en.sarif', 'secrets-seed-ru.json', 'TEST-secrets-seed-en.xml', 'secrets-seed-en-report.html',
 'samokoder-seed-ru-report.md'].each { assert names.contains(it) : "output $it written" }

def texts = [('build.log'): log] + outputs.collectEntries { [(it.path - basedir.path): it.getText('UTF-8')] }
texts.each { where, text ->
    secrets.each { secret ->
        assert !text.contains(secret) : "$where holds the raw secret ${secret.take(2)}… (${secret.length()})"
    }
}
println "no raw secret in build.log or ${outputs.size()} output files (${secrets.size()} secrets)"
return true
