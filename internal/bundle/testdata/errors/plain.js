// Plain script text that goja runs as is, to compare positions with.
var table = {
  rows: [1, 2, 3],
};

function total(t) {
  var sum = 0;
  for (var i = 0; i < t.rows.length; i++) sum += t.rows[i];
  return sum + t.missing.count;
}

total(table);
