// before/ and after/: the seed repository, and the same with one file changed (a repeated key in docker-compose.yml)
def seed = new File(fixtures, 'samokoder-seed')
['before', 'after'].each { name ->
    def target = new File(basedir, name)
    seed.eachFileRecurse { f ->
        if (f.isFile()) {
            def out = new File(target, seed.toPath().relativize(f.toPath()).toString())
            out.parentFile.mkdirs()
            out.bytes = f.bytes
        }
    }
}
def compose = new File(basedir, 'after/docker-compose.yml')
def text = compose.getText('UTF-8')
assert text.contains('  frontend:\n    build: ./frontend\n')
compose.setText(text.replace('  frontend:\n    build: ./frontend\n', '  frontend:\n    build: ./frontend\n    build: ./frontend\n'), 'UTF-8')
return true
