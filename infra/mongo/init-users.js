// Run once by the mongo image's entrypoint (/docker-entrypoint-initdb.d, first start on an empty volume) as the
// root user. One user per service, created in the service's own database and allowed to read and write that
// database only (readWrite: documents, indexes, GridFS; no user, role or cluster administration, no other
// database). Passwords come from the environment (<SERVICE>_MONGO_PASSWORD); the services' MONGODB_URI in
// docker-compose.yml name the same user, database and authSource. ComposeSecurityTest keeps this list, the
// compose file and the services' spring.mongodb.database in step.
// A password changed later is changed by hand: db.getSiblingDB(db).changeUserPassword(user, password).
const users = [
  { user: 'application-service', db: 'qingdan-application', passwordEnv: 'APPLICATION_SERVICE_MONGO_PASSWORD' },
  { user: 'review-service', db: 'qingdan-review', passwordEnv: 'REVIEW_SERVICE_MONGO_PASSWORD' },
  { user: 'listing-service', db: 'qingdan-listing', passwordEnv: 'LISTING_SERVICE_MONGO_PASSWORD' },
  { user: 'notification-service', db: 'qingdan-notification', passwordEnv: 'NOTIFICATION_SERVICE_MONGO_PASSWORD' },
];

for (const u of users) {
  const password = process.env[u.passwordEnv];
  if (!password) {
    throw new Error(u.passwordEnv + ' is required (the MongoDB password of ' + u.user + ')');
  }
  db.getSiblingDB(u.db).createUser({ user: u.user, pwd: password, roles: [{ role: 'readWrite', db: u.db }] });
  print('init-users: ' + u.user + ' may read and write ' + u.db + ' only');
}
