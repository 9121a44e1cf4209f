# test/load_lines.tcl COLUMN: run the load lines of README.md's client
# table, as written, each through its own client, and print one line per
# client: "CLIENT: VERSION" (what SELECT srm_version() gave after the line
# ran) or "CLIENT: error: ...".
#
#     tclsh test/load_lines.tcl built        # from the top of the tree
#     tclsh test/load_lines.tcl installed    # after make install
#
# COLUMN is the table's second column ("built", a copy at the top of the
# tree) or its third ("installed", where make install puts it).  The table
# is the one whose header starts "| client |".  readme.test runs the built
# column; test/dist.sh (make test-dist, as root) runs make install and then
# the installed column.  Node.js finds better-sqlite3 in build/node (make
# test installs it there).

set column [lindex $argv 0]
switch -- $column {
  built     { set col 2 }
  installed { set col 3 }
  default   { puts stderr "usage: tclsh test/load_lines.tcl built|installed"; exit 2 }
}
set root [file dirname [file dirname [file normalize [info script]]]]
cd $root

set fd [open README.md]
fconfigure $fd -encoding utf-8
set lines [split [read $fd] "\n"]
close $fd

# The rows of the table: client name -> the code of the column's cell (the
# text between its first and last backquote).
set rows {}
set inTable 0
foreach line $lines {
  if {[string match "| client |*" $line]} { set inTable 1; continue }
  if {!$inTable} continue
  if {![string match "|*" $line]} break
  if {[string match "| ---*" $line]} continue
  set cells [split [string trim $line "| "] "|"]
  set name [string trim [lindex $cells 0]]
  set cell [string trim [lindex $cells [expr {$col - 1}]]]
  set a [string first "`" $cell]
  set b [string last "`" $cell]
  if {$a < 0 || $b <= $a} {
    puts "$name: error: no code in the cell '$cell'"
    continue
  }
  dict set rows $name [string range $cell [expr {$a + 1}] [expr {$b - 1}]]
}
if {[dict size $rows] == 0} {
  puts "error: no client table in README.md"
  exit 1
}

set q "SELECT srm_version()"
dict for {name code} $rows {
  switch -glob -- $name {
    "sqlite3 shell*" {
      set cmd [list sqlite3 :memory: -cmd $code $q]
    }
    "Python*" {
      set cmd [list /usr/bin/python3 -c "import sqlite3\nconn = sqlite3.connect(':memory:')\n$code\nprint(conn.execute('$q').fetchone()\[0\])"]
    }
    "Node.js*" {
      set ::env(NODE_PATH) [file join $root build node node_modules]
      set cmd [list node -e "const Database = require('better-sqlite3');\nconst db = new Database(':memory:');\n$code;\nconsole.log(db.prepare('$q').pluck().get());"]
    }
    "Tcl*" {
      # (tclsh reading stdin goes on after an error and exits 0: catch it)
      set cmd [list [info nameofexecutable] << "package require sqlite3\nsqlite3 db :memory:\nif {\[catch {\n$code\nputs \[db one {$q}\]\n} e\]} { puts stderr \$e; exit 1 }\nexit 0\n"]
    }
    default {
      puts "$name: error: no way to run this client"
      continue
    }
  }
  if {[catch {exec {*}$cmd 2>@1} out]} {
    puts "$name: error: [string map {"\n" " "} $out]"
  } else {
    puts "$name: [string trim $out]"
  }
}
