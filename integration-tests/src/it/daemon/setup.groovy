// a cache folder of our own, empty: the first build must find no class-data archive and no daemon
def cache = new File(System.getProperty('java.io.tmpdir'), 'samokoder-it-daemon')
cache.deleteDir()
return true
