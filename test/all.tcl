# all.tcl: run the srm test suite.
#
#     tclsh test/all.tcl LIBRARY VERSION [FILE.test ...]
#
# Sources tester.tcl, then each test/*.test file (or those named) in order.
# A file that throws while it runs counts as one failure, so tests cannot
# silently vanish.  The last line is exactly "N passed, N failed"; the exit
# status is non-zero when anything failed or nothing ran.

if {[llength $argv] < 2} {
  puts stderr "usage: tclsh test/all.tcl LIBRARY VERSION \[FILE.test ...\]"
  exit 2
}
set ::SRM_LIB [file normalize [lindex $argv 0]]
set ::SRM_VERSION [lindex $argv 1]
set ::SRM_TESTDIR [file dirname [file normalize [info script]]]
set ::SRM_ROOT [file dirname $::SRM_TESTDIR]
source [file join $::SRM_TESTDIR tester.tcl]

set files [lrange $argv 2 end]
if {[llength $files] == 0} {
  set files [lsort [glob -directory $::SRM_TESTDIR *.test]]
}
foreach ::srmtest::file $files {
  set ::srmtest::before [expr {$::srmtest::nPass + $::srmtest::nFail}]
  if {[catch {uplevel #0 [list source $::srmtest::file]} msg opts]} {
    incr ::srmtest::nFail
    lappend ::srmtest::failed [file tail $::srmtest::file]
    puts "! [file tail $::srmtest::file] stopped: $msg"
    puts [dict get $opts -errorinfo]
  }
  foreach conn [info commands db*] { catch {$conn close} }
  set n [expr {$::srmtest::nPass + $::srmtest::nFail - $::srmtest::before}]
  puts "[file tail $::srmtest::file]: $n tests"
}
if {$::srmtest::nFail} {
  puts "failed: $::srmtest::failed"
}
puts "$::srmtest::nPass passed, $::srmtest::nFail failed"
exit [expr {($::srmtest::nFail > 0 || $::srmtest::nPass == 0) ? 1 : 0}]
