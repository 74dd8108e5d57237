def log = new File(basedir, 'build.log').getText('UTF-8')

// both modules were built and tested, although the gate failed
['a', 'b'].each { m ->
    def report = new File(basedir, "module-${m}/target/surefire-reports/TEST-${m}.${m.toUpperCase()}Test.xml")
    assert report.isFile() : "module-${m}'s tests ran"
    assert new groovy.xml.XmlSlurper().parse(report).@tests.text() == '1'
}
assert log.contains('samokoder gate failed') && log.contains('docker-compose.yml:4: [config/invalid-yaml]')

// the repository was audited once, in the last project, after the modules
assert log.count('samokoder readiness score:') == 1 : 'one audit for the whole build'
assert log.count('runs once, in the last project (module-b)') == 2 : 'the parent and module-a leave it to module-b'
assert log.indexOf('samokoder readiness score:') > log.lastIndexOf('Tests run:') : 'the audit ran after the tests'
def sarif = new File(basedir, 'target/samokoder/samokoder.sarif')
assert sarif.isFile() : 'the reports are in the top-level project\'s build directory'
assert !new File(basedir, 'module-b/target/samokoder').exists()
assert log.contains('samokoder: reports in target/samokoder/: samokoder.sarif, samokoder.json, samokoder-report.html')
// the modules' own build output is not audited
assert !sarif.getText('UTF-8').contains('module-a/target')

// no process the build started is still alive: each inherited the marker variable of invoker.properties
def marker = 'SAMOKODER_IT_PROCESS_MARK=multi-module-it'
def alive = []
new File('/proc').eachDir { dir ->
    if (dir.name ==~ /\d+/ && dir.name != String.valueOf(ProcessHandle.current().pid())) {
        try {
            def env = new File(dir, 'environ').bytes
            if (new String(env, 'ISO-8859-1').split('\u0000').contains(marker)) {
                alive << dir.name + ' ' + new String(new File(dir, 'cmdline').bytes, 'ISO-8859-1').replace('\u0000', ' ')
            }
        } catch (IOException ignored) {
            // another user's process, or gone
        }
    }
}
assert alive.isEmpty() : "processes of the build still running: ${alive}"
return true
