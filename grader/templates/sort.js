function sortTable(table, col, asc) {
  var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
  rows.sort(function (a, b) {
    var x = a.cells[col].getAttribute("data-v") || a.cells[col].textContent;
    var y = b.cells[col].getAttribute("data-v") || b.cells[col].textContent;
    var nx = parseFloat(x), ny = parseFloat(y);
    var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
    return asc ? c : -c;
  });
  rows.forEach(function (r) { body.appendChild(r); });
  table.tHead.rows[0].cells[col].setAttribute("data-dir", asc ? "asc" : "desc");
}
document.querySelectorAll("table.sortable th").forEach(function (th) {
  th.addEventListener("click", function () {
    sortTable(th.closest("table"), th.cellIndex, th.getAttribute("data-dir") !== "asc");
  });
});
var m = /^#sort=([A-Za-z0-9_-]+):([0-9]+)(:desc)?$/.exec(location.hash);
if (m && document.getElementById(m[1])) { sortTable(document.getElementById(m[1]), +m[2], !m[3]); }
