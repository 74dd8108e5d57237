def page = new File(basedir, 'target/site/samokoder.html')
assert page.isFile() : 'samokoder:report renders a site page'
def html = page.getText('UTF-8')
assert html.contains('Production readiness audit')
assert html =~ /id="total-score"><span class="label">Readiness score<\/span><span class="value">\d+<\/span>/
assert html.contains('compose.yaml:4')
assert html.contains('README.md:3') && html.contains('claims 100%, measured ')
assert html.contains('Checks that ran and found nothing') || html.contains('Every check that ran found something')
assert !html.contains('<script>alert')
def index = new File(basedir, 'target/site/project-reports.html')
assert index.isFile() && index.getText('UTF-8').contains('samokoder.html')
// the module inherits the report but has no page: only the top-level project audits the repository
assert !new File(basedir, 'web/target/site/samokoder.html').exists()
def webReports = new File(basedir, 'web/target/site/project-reports.html')
assert !webReports.isFile() || !webReports.getText('UTF-8').contains('samokoder.html')
return true
