new File(basedir, '.samokoder.yml').setText('minScore: 55\nrules: {docs/broken-link: off}\n', 'UTF-8')
new File(basedir, 'docker-compose.yml').setText('services:\n  api:\n    image: a\n    image: b\n', 'UTF-8')
new File(basedir, 'README.md').setText('# App\n\nSee [the guide](docs/guide.md).\n', 'UTF-8')
return true
