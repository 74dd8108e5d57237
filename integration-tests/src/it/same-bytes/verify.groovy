// the CLI, loaded from its jar into this JVM, on every fixture the goal audited
def root = new File(fixtures).canonicalFile.parentFile
def jar = new File(root, 'samokoder-cli/target/samokoder-cli.jar')
assert jar.isFile() : "build the CLI first: ${jar}"
def loader = new URLClassLoader([jar.toURI().toURL()] as URL[], ClassLoader.platformClassLoader)
def main = loader.loadClass('io.samokoder.cli.Main')
def names = new File(basedir, 'fixtures.txt').getText('UTF-8').readLines()
def differ = []
names.each { name ->
    def out = new File(basedir, "target/cli/${name}").path
    String[] args = [new File(fixtures, name).canonicalPath, '--exclude', '/expected.json', '--fail-on-violation=false',
                     '--sarif', out + '.sarif', '--json', out + '.json', '--junit', out + '.xml', '--report', out + '.html']
    def text = new StringWriter()
    def writer = new PrintWriter(text)
    int code = main.getMethod('run', String[], PrintWriter, PrintWriter, Map).invoke(null, args, writer, writer, [:])
    assert code == 0 : "CLI on ${name}: ${text}"
    ['sarif', 'json', 'xml', 'html'].each { ext ->
        def goal = new File(basedir, "target/goal/${name}.${ext}")
        def cli = new File(basedir, "target/cli/${name}.${ext}")
        assert goal.isFile() && cli.isFile() : "${name}.${ext} written by both"
        if (!Arrays.equals(goal.bytes, cli.bytes)) {
            differ << "${name}.${ext}"
        }
    }
}
assert differ.isEmpty() : "the goal and the CLI wrote different bytes: ${differ}"
println "goal and CLI: the same bytes for ${names.size()} fixtures × 4 reports"
return true
