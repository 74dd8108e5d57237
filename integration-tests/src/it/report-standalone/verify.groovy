def page = new File(basedir, 'target/site/samokoder.html')
assert page.isFile() : 'samokoder:report writes the page on its own'
def html = page.getText('UTF-8')
assert html.startsWith('<!DOCTYPE html>') : 'a complete, self-contained page'
assert html.contains("Content-Security-Policy")
assert html =~ /id="total-score"><span class="label">Readiness score<\/span><span class="value">\d+<\/span>/
assert html.contains('compose.yaml:4')
assert html.contains('README.md:3') && html.contains('claims 100%, measured ')
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log =~ /samokoder: readiness \d+\/100 written to .*samokoder\.html/
assert !new File(basedir, 'target/site/project-reports.html').exists() : 'no site was rendered'
return true
