import java.nio.file.Files
import java.nio.file.Path

// A repository of hostile entries, created at build time (a 200 MB file, symbolic links and a FIFO are not
// committable). Next to it, outside the tree, a file that must never be read.
Path root = basedir.toPath()
Path outside = root.resolveSibling('hostile-input-outside')
Files.createDirectories(outside)
Files.writeString(outside.resolve('secrets.yml'), 'password: do-not-read\n')

def write = { String rel, Object content ->
    Path p = root.resolve(rel)
    Files.createDirectories(p.parent)
    if (content instanceof byte[]) Files.write(p, (byte[]) content) else Files.writeString(p, content.toString())
    p
}

write('docker-compose.yml', 'services:\n  web:\n    image: [nginx\n    ports: "80:80"\n')
def bomb = new StringBuilder('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n')
('b'..'i').each { c ->
    def prev = '*' + (char) (((int) c.charAt(0)) - 1)
    bomb.append("${c}: &${c} [${([prev] * 9).join(',')}]\n")
}
write('monitoring/prometheus.yml', bomb.toString())
write('docker-compose.nested.yml', 'x: ' + '[' * 10000 + ']' * 10000 + '\n')
byte[] binary = new byte[4096]
new Random(1).nextBytes(binary)
binary[10] = 0
write('monitoring/alertmanager.yml', binary)
new RandomAccessFile(root.resolve('monitoring/huge.rules.yml').toFile(), 'rw').withCloseable { it.setLength(200L * 1024 * 1024) }
write('docker-compose.latin1.yml', 'services:\n  caf\u00e9:\n    image: caf\u00e9\n'.getBytes('ISO-8859-1'))
write('compose.yaml', '\uFEFFservices:\r\n  web:\r\n    image: nginx:1.27\r\n'.getBytes('UTF-8'))
write('README.md', '# Hostile\n\n- [outside](../hostile-input-outside/secrets.yml)\n- [passwd](/etc/passwd)\n' +
        '- [up](../../../../../../../../etc/shadow)\n')
// 2,000 nested list levels: flexmark would take about a minute on it
write('docs/deep.md', (0..<2000).collect { '  ' * it + '- item [a](missing.md)\n' }.join('').getBytes('UTF-8'))
Files.createSymbolicLink(root.resolve('etc'), Path.of('/etc'))
Files.createSymbolicLink(root.resolve('outside.yml'), outside.resolve('secrets.yml'))
Files.createSymbolicLink(root.resolve('loop.yml'), root.resolve('loop.yml'))
Files.createSymbolicLink(root.resolve('dir-a'), root.resolve('dir-b'))
Files.createSymbolicLink(root.resolve('dir-b'), root.resolve('dir-a'))
def fifo = ['mkfifo', root.resolve('pipe.yml').toString()].execute()
fifo.waitFor()
assert fifo.exitValue() == 0 : 'mkfifo'
return true
