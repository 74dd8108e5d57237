def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('samokoder: skipped')
assert !log.contains('samokoder gate failed')
assert !new File(basedir, 'target/samokoder/samokoder.sarif').exists()

// The plugin is one shaded jar whose flattened POM names no parent and no runtime dependency, not even the reporting
// API: Maven reads no POM but the plugin's to run a goal (docs/benchmarks.md), and no signed jar is verified on every build.
def pluginDir = new File(localRepositoryPath, 'io/samokoder/samokoder-maven-plugin/' + projectVersion)
def pom = new groovy.xml.XmlSlurper().parse(new File(pluginDir, "samokoder-maven-plugin-${projectVersion}.pom"))
def runtime = pom.dependencies.dependency.findAll { !(it.scope.text() in ['provided', 'test']) }
        .collect { it.groupId.text() + ':' + it.artifactId.text() }
assert runtime.isEmpty() : runtime
// flattened: no parent (nor the BOM the parent imports) for Maven to read on every build
assert pom.parent.isEmpty() : 'the installed plugin POM names a parent'
assert pom.dependencyManagement.isEmpty()
def jar = new java.util.jar.JarFile(new File(pluginDir, "samokoder-maven-plugin-${projectVersion}.jar"))
try {
    assert jar.getEntry('io/samokoder/audit/Auditor.class') != null
    assert jar.getEntry('org/eclipse/jgit/ignore/IgnoreNode.class') != null
    assert jar.getEntry('org/apache/maven/reporting/MavenReport.class') != null
    assert jar.getEntry('org/apache/maven/doxia/sink/Sink.class') != null
    assert !jar.entries().toList().any { it.name ==~ /META-INF\/[^\/]+\.(SF|RSA|DSA)/ }
} finally {
    jar.close()
}
return true
