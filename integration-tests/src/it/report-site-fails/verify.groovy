// The plugin jar carries its own copy of the reporting API. A failed audit must still reach maven-site-plugin as the
// MavenReportException the site catches, which its renderer turns into "Error generating ... report" with our
// message, and not as a copy the site does not know, which Maven would end with an internal error.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Error generating') : 'the site reports the failed report'
assert log.contains('samokoder: baseline file not found') : 'with the audit\'s own message'
assert !log.contains('InternalErrorException') && !log.contains('UndeclaredThrowableException')
return true
