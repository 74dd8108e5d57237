// one execution of check per fixture, its reports under target/goal/
def names = new File(fixtures).listFiles().findAll { new File(it, 'expected.json').isFile() }*.name.sort()
assert names.size() >= 20
def executions = names.collect { name ->
    def out = '${project.build.directory}/goal/' + name
    """<execution><id>${name}</id><goals><goal>check</goal></goals><configuration>
            <dir>${new File(fixtures, name).canonicalPath}</dir>
            <sarif>${out}.sarif</sarif><json>${out}.json</json><junit>${out}.xml</junit><report>${out}.html</report>
          </configuration></execution>"""
}.join('\n          ')
def pom = new File(basedir, 'pom.xml')
pom.setText(pom.getText('UTF-8').replace('<!-- EXECUTIONS -->', executions), 'UTF-8')
new File(basedir, 'fixtures.txt').setText(names.join('\n'), 'UTF-8')
return true
