# tester.tcl: the test harness of srm, after SQLite's test/tester.tcl.
#
#   do_execsql_test NAME SQL EXPECTED    rows of SQL, flattened, equal EXPECTED
#   do_catchsql_test NAME SQL EXPECTED   {0 rows} or {1 message}
#   do_test NAME SCRIPT EXPECTED         the result of SCRIPT equals EXPECTED
#   do_eqp_test NAME SQL EXPECTED        the EXPLAIN QUERY PLAN details, one
#                                        list element per line
#
# Every do_* call is one test.  NULL reads as the string NULL.  Names look
# like area-1.2; a failure prints the name, what was expected and what came.
# all.tcl sources this once and then every *.test file.

package require sqlite3

namespace eval ::srmtest {
  variable nPass 0
  variable nFail 0
  variable failed {}
}

# The library under test and the version it must report, from all.tcl.
proc srm_lib {} { return $::SRM_LIB }

# Open a connection named $name on file $file with the extension loaded.
proc srm_open {name {file :memory:}} {
  sqlite3 $name $file
  $name enable_load_extension 1
  $name eval {SELECT load_extension($::SRM_LIB)}
  $name nullvalue NULL
  return $name
}

proc srm_result {name ok got expected} {
  if {$ok} {
    incr ::srmtest::nPass
  } else {
    incr ::srmtest::nFail
    lappend ::srmtest::failed $name
    puts "! $name failed"
    puts "!   expected: [list $expected]"
    puts "!   got:      [list $got]"
  }
}

proc do_test {name script expected} {
  if {[catch {uplevel 1 $script} got]} {
    set got "error: $got"
  }
  srm_result $name [expr {$got eq $expected}] $got $expected
}

proc do_execsql_test {name sql expected {conn db}} {
  if {[catch {uplevel 1 [list $conn eval $sql]} got]} {
    set got "error: $got"
  }
  # Compare as lists so that white space in EXPECTED does not matter.
  srm_result $name [expr {[list {*}$got] eq [list {*}$expected]}] $got $expected
}

proc do_catchsql_test {name sql expected {conn db}} {
  set rc [catch {uplevel 1 [list $conn eval $sql]} got]
  set got [list $rc $got]
  srm_result $name [expr {$got eq [list {*}$expected]}] $got $expected
}

proc do_eqp_test {name sql expected {conn db}} {
  set got {}
  if {[catch {
    $conn eval "EXPLAIN QUERY PLAN $sql" row { lappend got $row(detail) }
  } msg]} {
    set got "error: $msg"
  }
  srm_result $name [expr {$got eq $expected}] $got $expected
}

# Read a CSV file with a header row into a list of dicts (RFC 4180 quoting,
# no line breaks inside fields: the build refuses those in data/).
proc read_csv {path} {
  set fd [open $path r]
  fconfigure $fd -encoding utf-8
  set lines [split [string trimright [read $fd] "\n"] "\n"]
  close $fd
  set rows {}
  set header [csv_split [lindex $lines 0]]
  foreach line [lrange $lines 1 end] {
    set d {}
    foreach k $header v [csv_split $line] { dict set d $k $v }
    lappend rows $d
  }
  return $rows
}
proc csv_split {line} {
  set out {}
  set field ""
  set quoted 0
  set n [string length $line]
  for {set i 0} {$i < $n} {incr i} {
    set c [string index $line $i]
    if {$quoted} {
      if {$c eq "\""} {
        if {[string index $line [expr {$i+1}]] eq "\""} {
          append field "\""
          incr i
        } else {
          set quoted 0
        }
      } else {
        append field $c
      }
    } elseif {$c eq "\""} {
      set quoted 1
    } elseif {$c eq ","} {
      lappend out $field
      set field ""
    } else {
      append field $c
    }
  }
  lappend out $field
  return $out
}

# {rc message} of SQL run on db, for use inside do_test.
proc catchsql_msg {sql {conn db}} {
  set rc [catch {uplevel 1 [list $conn eval $sql]} msg]
  list $rc $msg
}

# Facts of the model counted from data/*.csv, for tests that must not type
# numbers that an honest data edit changes.
#   data_rows FILE ?COLUMN VALUE ...?   rows of data/FILE.csv whose columns
#                                       have those values
#   data_variants SERVICE               the service's variants, sorted
#   data_default_variant SERVICE        its default variant, or NULL
#   data_slots SERVICE                  its matrix slots (1, or 1 + variants)
proc data_rows {file args} {
  set n 0
  foreach r [read_csv [file join $::SRM_ROOT data $file.csv]] {
    set ok 1
    foreach {k v} $args { if {[dict get $r $k] ne $v} { set ok 0; break } }
    incr n $ok
  }
  return $n
}
proc data_variants {service} {
  set out {}
  foreach r [read_csv [file join $::SRM_ROOT data variants.csv]] {
    if {[dict get $r service] eq $service} { lappend out [dict get $r variant] }
  }
  lsort $out
}
proc data_default_variant {service} {
  foreach r [read_csv [file join $::SRM_ROOT data variants.csv]] {
    if {[dict get $r service] eq $service && [dict get $r is_default]} { return [dict get $r variant] }
  }
  return NULL
}
proc data_slots {service} {
  set n [llength [data_variants $service]]
  expr {$n ? $n + 1 : 1}
}
